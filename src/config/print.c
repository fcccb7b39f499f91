/* print.c - see config.h: --print-config, a file's merged settings as
 * YAML. Apart from the reading (config.c) and the resolution (resolve.c)
 * because it is output, not configuration. */
#include "config/config.h"

#include <string.h>

/* YAML-quotes s when it is not a safe plain scalar. */
static void yaml_str(FILE *fp, const char *s)
{
    bool plain = *s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./") ==
                           strlen(s);
    if (plain) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else if ((unsigned char)*p < 0x20)
            fprintf(fp, "\\x%02X", (unsigned char)*p);
        else
            fputc(*p, fp);
    }
    fputc('"', fp);
}

/* `lang:` and, in a comment, the setting it came from (the most specific
 * wins: README "A post's own language"), so that an author can see why a
 * post is spelt as it is. */
static void print_lang(const civ_file_settings *s, FILE *fp)
{
    fputs("lang: ", fp);
    if (s->lang && strchr(s->lang, ',')) { /* a list, kept comma-separated */
        fputc('[', fp);
        for (const char *p = s->lang; *p; p++)
            fputs(*p == ',' ? ", " : (char[]){*p, 0}, fp);
        fputc(']', fp);
    } else {
        yaml_str(fp, s->lang ? s->lang : "en_US");
    }
    switch (s->lang_from) {
    case CIV_LANG_FROM_CLI:
        fputs("  # from --lang", fp);
        break;
    case CIV_LANG_FROM_CONFIG:
        fputs("  # from the configuration's lang", fp);
        break;
    case CIV_LANG_FROM_OVERRIDE:
        fputs("  # from the override for ", fp);
        yaml_str(fp, s->lang_glob ? s->lang_glob : "?");
        break;
    case CIV_LANG_FROM_POST:
        fputs("  # from the post's front matter", fp);
        break;
    default:
        fputs("  # the default", fp);
    }
    if (s->lang_note) /* one line: a comment cannot hold a line break */
        fputs("; ", fp);
    for (const char *p = s->lang_note; p && *p; p++)
        fputc((unsigned char)*p < 0x20 || *p == 0x7f ? ' ' : *p, fp);
    fputc('\n', fp);
}

void civ_file_settings_print(const civ_file_settings *s, const char *path, FILE *fp)
{
    fputs("# civlint settings for ", fp);
    yaml_str(fp, path);
    fputs("\n# from: ", fp);
    if (s->config_path)
        yaml_str(fp, s->config_path);
    else
        fputs("defaults (no .civlint.yml)", fp);
    fprintf(fp, "\nignored: %s\n", s->ignored ? "true" : "false");
    print_lang(s, fp);
    fputs("dictionaries:", fp);
    if (!s->ndictionaries)
        fputs(" []", fp);
    for (size_t i = 0; i < s->ndictionaries; i++) {
        fputs("\n  - ", fp);
        yaml_str(fp, s->dictionaries[i]);
    }
    fputs("\nrule-packs:", fp);
    size_t np = s->rules ? civ_rules_npacks(s->rules) : 0;
    if (!np)
        fputs(" []", fp);
    for (size_t i = 0; i < np; i++) {
        const civ_pack *pk = civ_rules_pack(s->rules, i);
        fputs("\n  - ", fp);
        yaml_str(fp, pk->name);
        fputs("  # ", fp);
        fputs(pk->path, fp);
    }
    static const char *const scopes[] = {"adjacent", "sentence", "paragraph"};
    fprintf(fp, "\nfigures:\n  scope: %s\n  self-attribution: %s\n  own-names:",
            scopes[s->figure_scope >= 0 && s->figure_scope <= 2 ? s->figure_scope : 0],
            s->figure_self_report ? "report" : "allow");
    if (!s->nfigure_own_names)
        fputs(" []", fp);
    for (size_t i = 0; i < s->nfigure_own_names; i++) {
        fputs("\n    - ", fp);
        yaml_str(fp, s->figure_own_names[i]);
        if (s->site_title == s->figure_own_names[i])
            fputs("  # the site's name, from its configuration", fp);
    }
    fprintf(fp, "\nempty-section:\n  direct-content: %s\n",
            s->empty_section_direct ? "true" : "false");
    if (s->acronym_max_length)
        fprintf(fp, "acronym-max-length: %zu\n", s->acronym_max_length);
    else
        fputs("# acronym-max-length: the check's default\n", fp);
    static const char *const terms[] = {"off", "note", "warning"};
    static const char *const foreign[] = {"skip", "note", "check"};
    fprintf(fp, "spelling:\n  unknown-terms: %s\n  foreign: %s\n",
            terms[s->unknown_terms >= 0 && s->unknown_terms <= 2 ? s->unknown_terms : 0],
            foreign[s->foreign >= 0 && s->foreign <= 2 ? s->foreign : 0]);
    fprintf(fp, "site: %s", civ_site_name(s->site));
    if (s->site_from) {
        fputs("  # guessed from ", fp);
        fputs(s->site_from, fp);
    } else if (s->site_syntax_guessed) {
        fputs("  # no site configuration file found; ", fp);
        fputs(s->site_syntax, fp);
    } else if (!s->site_set) {
        fputs("  # no site configuration file found", fp);
        if (s->site_syntax) {
            fputs("; ", fp);
            fputs(s->site_syntax, fp);
        }
    }
    fprintf(fp, "\ntypography: %s  # %s\n", s->typography_smart ? "smart" : "plain",
            s->typography_set ? "set in the configuration"
            : s->typography_smart ? "the site's renderer smartens quotes, dashes and ellipses"
                                  : "the site's renderer shows what was typed");
    fputs("author-line:\n  keys: [", fp);
    static const char *const dflt[] = {"author", "authors", "by", "byline", "author_name", "creator",
                                       "contributors"};
    size_t nk = s->author_keys ? s->nauthor_keys : sizeof dflt / sizeof *dflt;
    for (size_t i = 0; i < nk; i++) {
        fputs(i ? ", " : "", fp);
        yaml_str(fp, s->author_keys ? s->author_keys[i] : dflt[i]);
    }
    static const char *const req[] = {"posts", "true", "false"};
    static const char *const kinds[] = {"a post or a page of unknown kind: a byline is required",
                                        "a post: a byline is required",
                                        "a documentation or other page: no byline is required"};
    int rq = s->author_required >= 0 && s->author_required <= 2 ? s->author_required : 0;
    int pk = s->page_kind >= 0 && s->page_kind <= 2 ? s->page_kind : 0;
    fprintf(fp, "]\n  required: %s", req[rq]);
    if (rq == 0)
        fprintf(fp, "  # this file's path says %s (a front matter layout may say otherwise)", kinds[pk]);
    fputs("\n  data: ", fp);
    if (s->author_data_path)
        yaml_str(fp, s->author_data_path);
    else
        fputs("none", fp);
    fprintf(fp, "\ninvisible-character:\n  no-break-space: %s", s->nbsp_all ? "all" : "stray");
    fputs("\nseverity:\n", fp);
    civ_rule_entry e;
    for (size_t i = 0; s->rules && civ_rules_entry(s->rules, i, &e) && !e.pack; i++) {
        civ_severity sev;
        bool on = civ_policy_lookup(&s->policy, e.id, e.severity, &sev);
        fprintf(fp, "  %s: %s\n", e.id, on ? civ_severity_name(sev) : "off");
    }
    /* Pack rules and pack wildcards that a setting names, once each. */
    for (size_t i = 0; i < s->policy.n; i++) {
        const char *id = s->policy.items[i].id;
        bool seen = s->rules && civ_rules_find(s->rules, id, &e) && !e.pack;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(s->policy.items[j].id, id) == 0;
        if (seen)
            continue;
        civ_severity sev;
        bool on = civ_policy_lookup(&s->policy, id, CIV_SEV_WARNING, &sev);
        fputs("  ", fp);
        yaml_str(fp, id);
        /* a pack rule keeps its pack's severity unless one is set */
        bool explicit_sev = false;
        for (size_t j = 0; j < s->policy.n; j++)
            if (strcmp(s->policy.items[j].id, id) == 0 && s->policy.items[j].level >= 0)
                explicit_sev = true;
        fprintf(fp, ": %s\n", !on ? "off" : explicit_sev ? civ_severity_name(sev) : "on");
    }
}

