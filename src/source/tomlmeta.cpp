// tomlmeta.cpp - see tomlmeta.h. The only C++ in civlint: it is here
// because TOML front matter needs a parser and Debian 12 ships toml++ only.
// Every path returns C data; exceptions (toml::parse_error, bad_alloc) are
// caught here and become an error message.
#include "source/tomlmeta.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <toml++/toml.h>

static char *dup(std::string_view s)
{
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (!p)
        std::abort(); // as xmalloc does in C
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

// A string, or a date (or date-time) as "YYYY-MM-DD"; NULL for the rest.
static char *string_of(const toml::node *n)
{
    char buf[16];
    const toml::date *d = nullptr;
    if (n && n->is_date())
        d = &n->as_date()->get();
    else if (n && n->is_date_time())
        d = &n->as_date_time()->get().date;
    if (d) {
        std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", unsigned(d->year), unsigned(d->month), unsigned(d->day));
        return dup(buf);
    }
    return n && n->is_string() && !n->as_string()->get().empty() ? dup(n->as_string()->get()) : nullptr;
}

static void add_value(civ_toml_field *f, const toml::node *n)
{
    if (n && n->is_table()) {
        const toml::table *t = n->as_table();
        n = t->get("name") ? t->get("name") : t->get("created");
    }
    char *s = string_of(n);
    if (!s)
        return;
    void *v = std::realloc(f->values, (f->nvalues + 1) * sizeof *f->values);
    if (!v)
        std::abort();
    f->values = static_cast<char **>(v);
    f->values[f->nvalues++] = s;
}

static void read_keys(const toml::table &t, civ_toml_meta *m)
{
    if (const toml::node *n = t.get("title"); n && n->is_string())
        m->title = dup(n->as_string()->get());
    for (const auto &[k, n] : t) {
        void *v = std::realloc(m->fields, (m->nfields + 1) * sizeof *m->fields);
        if (!v)
            std::abort();
        m->fields = static_cast<civ_toml_field *>(v);
        civ_toml_field *f = &m->fields[m->nfields++];
        std::memset(f, 0, sizeof *f);
        f->key = dup(k.str());
        f->line = k.source().begin.line ? k.source().begin.line : 1;
        if (n.is_array()) {
            for (const toml::node &e : *n.as_array())
                add_value(f, &e);
        } else {
            add_value(f, &n);
        }
    }
}

extern "C" char *civ_toml_meta_read(const char *text, size_t len, civ_toml_meta *m, size_t *line)
{
    std::memset(m, 0, sizeof *m);
    *line = 1;
    try {
        toml::table t = toml::parse(std::string_view(text, len));
        read_keys(t, m);
        return nullptr;
    } catch (const toml::parse_error &e) {
        *line = e.source().begin.line ? e.source().begin.line : 1;
        return dup(e.description());
    } catch (...) {
        return dup("cannot read it");
    }
}

extern "C" void civ_toml_meta_release(civ_toml_meta *m)
{
    std::free(m->title);
    for (size_t i = 0; i < m->nfields; i++) {
        for (size_t j = 0; j < m->fields[i].nvalues; j++)
            std::free(m->fields[i].values[j]);
        std::free(m->fields[i].values);
        std::free(m->fields[i].key);
    }
    std::free(m->fields);
    std::memset(m, 0, sizeof *m);
}
