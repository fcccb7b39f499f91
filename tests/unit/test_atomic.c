/* test_atomic.c - src/atomic.[ch]: a replaced file has the new content and
 * the original's mode, a symlink stays a link, a failed or aborted write
 * leaves the original untouched, and no temporary file is left behind. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "gate/atomic.h"
#include "base/util.h"

static char dir[256];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/civlint-atomic-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
    char *cmd = xasprintf("rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

static char *path_in(const char *name)
{
    return xasprintf("%s/%s", dir, name);
}

static void put(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    ck_assert_int_eq(chmod(path, mode), 0);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    char buf[256];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return xstrdup(buf);
}

/* Number of entries in the folder besides . and .. */
static int entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

START_TEST(test_new_file)
{
    char *p = path_in("new.txt"), *err = NULL;
    ck_assert(civ_atomic_write(p, "hello\n", 6, &err));
    ck_assert_ptr_null(err);
    char *got = slurp(p);
    ck_assert_str_eq(got, "hello\n");
    mode_t mask = umask(0);
    umask(mask);
    struct stat st;
    stat(p, &st);
    ck_assert_uint_eq(st.st_mode & 07777, 0666 & ~mask);
    ck_assert_int_eq(entries(), 1);
    free(got);
    free(p);
}
END_TEST

START_TEST(test_replace_keeps_mode)
{
    char *p = path_in("baseline.json"), *err = NULL;
    put(p, "old content that is longer than the new one\n", 0640);
    ck_assert(civ_atomic_write(p, "new\n", 4, &err));
    char *got = slurp(p);
    ck_assert_str_eq(got, "new\n");
    struct stat st;
    stat(p, &st);
    ck_assert_uint_eq(st.st_mode & 07777, 0640);
    ck_assert_int_eq(entries(), 1);
    free(got);
    free(p);
}
END_TEST

START_TEST(test_executable_bit_kept)
{
    char *p = path_in("script.sh"), *err = NULL;
    put(p, "#!/bin/sh\n", 0755);
    ck_assert(civ_atomic_write(p, "#!/bin/sh\nexit 0\n", 17, &err));
    struct stat st;
    stat(p, &st);
    ck_assert_uint_eq(st.st_mode & 07777, 0755);
    free(p);
}
END_TEST

START_TEST(test_symlink_followed)
{
    char *target = path_in("real.md"), *link = path_in("link.md"), *err = NULL;
    put(target, "old\n", 0600);
    ck_assert_int_eq(symlink("real.md", link), 0);
    ck_assert(civ_atomic_write(link, "new\n", 4, &err));
    struct stat st;
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert_msg(S_ISLNK(st.st_mode), "the link was replaced by a file");
    char *got = slurp(target);
    ck_assert_str_eq(got, "new\n");
    stat(target, &st);
    ck_assert_uint_eq(st.st_mode & 07777, 0600);
    ck_assert_int_eq(entries(), 2);
    free(got);
    free(target);
    free(link);
}
END_TEST

START_TEST(test_abort_leaves_original)
{
    char *p = path_in("keep.md"), *err = NULL;
    put(p, "original\n", 0644);
    civ_atomic *a = civ_atomic_open(p, &err);
    ck_assert_ptr_nonnull(a);
    fputs("half-written", civ_atomic_file(a));
    /* the temporary exists meanwhile, unnamed (O_TMPFILE) where it can */
    ck_assert_int_le(entries(), 2);
    civ_atomic_abort(a);
    char *got = slurp(p);
    ck_assert_str_eq(got, "original\n");
    ck_assert_int_eq(entries(), 1);
    free(got);
    free(p);
}
END_TEST

START_TEST(test_stream_commit)
{
    char *p = path_in("stream.txt"), *err = NULL;
    civ_atomic *a = civ_atomic_open(p, &err);
    ck_assert_ptr_nonnull(a);
    for (int i = 0; i < 1000; i++)
        fprintf(civ_atomic_file(a), "line %d\n", i);
    ck_assert(civ_atomic_commit(a, &err));
    FILE *f = fopen(p, "rb");
    fseek(f, 0, SEEK_END);
    ck_assert_int_eq(ftell(f), 8890);
    fclose(f);
    free(p);
}
END_TEST

START_TEST(test_errors)
{
    char *err = NULL;
    /* a missing folder */
    char *p = path_in("no/such/folder/x.md");
    ck_assert(!civ_atomic_write(p, "x", 1, &err));
    ck_assert_ptr_nonnull(strstr(err, "cannot write '"));
    ck_assert_ptr_nonnull(strstr(err, "No such file or directory"));
    free(err);
    free(p);
    /* a directory */
    err = NULL;
    ck_assert(!civ_atomic_write(dir, "x", 1, &err));
    ck_assert_ptr_nonnull(strstr(err, "Is a directory"));
    free(err);
    ck_assert_int_eq(entries(), 0);
}
END_TEST

static void write_fails(const char *p, const civ_atomic_opts *o, const char *want)
{
    char *err = NULL;
    ck_assert(!civ_atomic_write_opts(p, "new\n", 4, o, &err));
    ck_assert_msg(err && strstr(err, want), "wanted '%s', got '%s'", want, err ? err : "(null)");
    free(err);
}

/* setuid and setgid are never carried to the rewritten file; the sticky
 * and permission bits are. */
START_TEST(test_setuid_dropped)
{
    char *p = path_in("suid.md"), *err = NULL;
    put(p, "old\n", 06755);
    ck_assert(civ_atomic_write(p, "new\n", 4, &err));
    struct stat st;
    stat(p, &st);
    ck_assert_uint_eq(st.st_mode & 07777, 0755);
    free(p);
}
END_TEST

/* A read-only file is refused and left as it is, unless forced (mode kept). */
START_TEST(test_read_only)
{
    char *p = path_in("ro.md"), *err = NULL;
    put(p, "old\n", 0444);
    write_fails(p, NULL, "is read-only; not written (--force");
    char *got = slurp(p);
    ck_assert_str_eq(got, "old\n");
    free(got);
    ck_assert(civ_atomic_write_opts(p, "new\n", 4, &(civ_atomic_opts){.force = true}, &err));
    got = slurp(p);
    ck_assert_str_eq(got, "new\n");
    struct stat st;
    stat(p, &st);
    ck_assert_uint_eq(st.st_mode & 07777, 0444);
    ck_assert_int_eq(entries(), 1);
    free(got);
    free(p);
}
END_TEST

/* Several hard links: refused, every name keeps the one shared file. */
START_TEST(test_hard_links_refused)
{
    char *p = path_in("a.md"), *q = path_in("b.md");
    put(p, "old\n", 0644);
    ck_assert_int_eq(link(p, q), 0);
    write_fails(p, NULL, "has 2 hard links; replacing it would split them");
    struct stat a, b;
    stat(p, &a);
    stat(q, &b);
    ck_assert(a.st_ino == b.st_ino);
    ck_assert_int_eq(entries(), 2);
    free(p);
    free(q);
}
END_TEST

/* Not a regular file: never renamed over; a FIFO with no reader is an
 * error when devices may be written in place, never a hang. */
START_TEST(test_not_regular)
{
    char *p = path_in("fifo");
    ck_assert_int_eq(mkfifo(p, 0644), 0);
    write_fails(p, NULL, "it is a FIFO, not a regular file; not replaced");
    write_fails(p, &(civ_atomic_opts){.devices_in_place = true}, "no process is reading that FIFO");
    struct stat st;
    ck_assert_int_eq(lstat(p, &st), 0);
    ck_assert(S_ISFIFO(st.st_mode));
    ck_assert_int_eq(entries(), 1);
    write_fails("/dev/null", NULL, "it is a character device, not a regular file");
    char *err = NULL;
    ck_assert(civ_atomic_write_opts("/dev/null", "x", 1, &(civ_atomic_opts){.devices_in_place = true}, &err));
    ck_assert(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
    free(p);
}
END_TEST

/* The file changed between the caller's read and the commit (an editor
 * saving): the commit is refused and the edit kept; no temporary left. */
START_TEST(test_changed_since_read)
{
    char *p = path_in("edit.md"), *err = NULL;
    put(p, "old\n", 0644);
    struct stat before;
    stat(p, &before);
    civ_atomic *a = civ_atomic_open_opts(p, &(civ_atomic_opts){.expect = &before}, &err);
    ck_assert_ptr_nonnull(a);
    fputs("fixed\n", civ_atomic_file(a));
    put(p, "edited by the author\n", 0644);
    ck_assert(!civ_atomic_commit(a, &err));
    ck_assert_msg(strstr(err, "changed while it was being fixed"), "%s", err);
    free(err);
    char *got = slurp(p);
    ck_assert_str_eq(got, "edited by the author\n");
    ck_assert_int_eq(entries(), 1);
    free(got);
    /* the same size and a restored mtime, but a new inode (saved by rename) */
    put(p, "old\n", 0644);
    stat(p, &before);
    a = civ_atomic_open_opts(p, &(civ_atomic_opts){.expect = &before}, &err);
    char *q = path_in("other.md");
    put(q, "new\n", 0644);
    struct timespec ts[2] = {before.st_atim, before.st_mtim};
    utimensat(AT_FDCWD, q, ts, 0);
    ck_assert_int_eq(rename(q, p), 0);
    fputs("fixed\n", civ_atomic_file(a));
    ck_assert(!civ_atomic_commit(a, &err));
    free(err);
    got = slurp(p);
    ck_assert_str_eq(got, "new\n");
    free(got);
    free(q);
    free(p);
}
END_TEST

/* A 255-byte name, the longest legal one: its temporary fits too. */
START_TEST(test_longest_name)
{
    char name[256];
    memset(name, 'n', 252);
    strcpy(name + 252, ".md");
    char *p = path_in(name), *err = NULL;
    put(p, "old\n", 0644);
    ck_assert_msg(civ_atomic_write(p, "new\n", 4, &err), "%s", err ? err : "");
    char *got = slurp(p);
    ck_assert_str_eq(got, "new\n");
    ck_assert_int_eq(entries(), 1);
    free(got);
    free(p);
}
END_TEST

/* Extended attributes (user.*, and ACLs, which are system.* attributes)
 * are kept where the file system has them; skipped where it has not. */
START_TEST(test_xattrs_kept)
{
    char *p = path_in("x.md"), *err = NULL;
    put(p, "old\n", 0644);
    if (setxattr(p, "user.civlint-test", "v1", 2, 0) != 0) {
        ck_assert_msg(errno == ENOTSUP || errno == EPERM, "setxattr: %s", strerror(errno));
        free(p);
        return; /* no user xattrs here: nothing to keep */
    }
    ck_assert(civ_atomic_write(p, "new\n", 4, &err));
    char v[8] = {0};
    ck_assert_int_eq(getxattr(p, "user.civlint-test", v, sizeof v), 2);
    ck_assert_str_eq(v, "v1");
    free(p);
}
END_TEST

Suite *suite_atomic(void)
{
    Suite *s = suite_create("atomic");
    TCase *tc = tcase_create("write");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_new_file);
    tcase_add_test(tc, test_replace_keeps_mode);
    tcase_add_test(tc, test_executable_bit_kept);
    tcase_add_test(tc, test_symlink_followed);
    tcase_add_test(tc, test_abort_leaves_original);
    tcase_add_test(tc, test_stream_commit);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_setuid_dropped);
    tcase_add_test(tc, test_read_only);
    tcase_add_test(tc, test_hard_links_refused);
    tcase_add_test(tc, test_not_regular);
    tcase_add_test(tc, test_changed_since_read);
    tcase_add_test(tc, test_longest_name);
    tcase_add_test(tc, test_xattrs_kept);
    suite_add_tcase(s, tc);
    return s;
}
