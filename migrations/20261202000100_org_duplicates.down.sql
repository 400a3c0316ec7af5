DROP FUNCTION alumni_admin.web_domain(text);
DROP FUNCTION alumni_admin.org_name_key(text);
