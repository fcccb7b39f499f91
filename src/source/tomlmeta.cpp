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

static void add_author(civ_toml_meta *m, const toml::node *n)
{
    if (n && n->is_table())
        n = n->as_table()->get("name");
    const toml::value<std::string> *s = n ? n->as_string() : nullptr;
    if (!s || s->get().empty())
        return;
    void *v = std::realloc(m->authors, (m->nauthors + 1) * sizeof *m->authors);
    if (!v)
        std::abort();
    m->authors = static_cast<char **>(v);
    m->authors[m->nauthors++] = dup(s->get());
}

static char *date_of(const toml::node *n)
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
    return n && n->is_string() ? dup(n->as_string()->get()) : nullptr;
}

static void read_keys(const toml::table &t, civ_toml_meta *m)
{
    if (const toml::node *n = t.get("title"); n && n->is_string())
        m->title = dup(n->as_string()->get());
    m->date = date_of(t.get("date"));
    for (const char *k : {"author", "authors"}) {
        const toml::node *n = t.get(k);
        if (n && n->is_array()) {
            for (const toml::node &e : *n->as_array())
                add_author(m, &e);
        } else {
            add_author(m, n);
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
    std::free(m->date);
    for (size_t i = 0; i < m->nauthors; i++)
        std::free(m->authors[i]);
    std::free(m->authors);
    std::memset(m, 0, sizeof *m);
}
