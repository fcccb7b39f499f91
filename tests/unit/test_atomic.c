/* test_atomic.c - src/atomic.[ch]: a replaced file has the new content and
 * the original's mode, a symlink stays a link, a failed or aborted write
 * leaves the original untouched, and no temporary file is left behind. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
    ck_assert_int_eq(entries(), 2); /* the temporary file exists meanwhile */
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
    suite_add_tcase(s, tc);
    return s;
}
