-- Undoes 20261202190000_erase_json_strings.
DROP FUNCTION alumni_jsonb_replace_strings(jsonb, text[], text);
DROP FUNCTION alumni_jsonb_holds_string(jsonb, text[]);
