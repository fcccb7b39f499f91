# posts.sh - the invented posts of the editor tests (sourced): accented
# letters, CJK, an emoji, U+20000 and a tab before findings in post.md; a
# BOM, CRLF and two emoji in crlf.md. write_posts DIR writes both.
write_posts() {
    printf -- '---\ntitle: Test\nauthor: Ann Lee\n---\n\n# Notes\n\nCaf\303\251 \344\270\255\346\226\207 \360\237\230\200 the goverment said.\n\n\303\234ber \360\240\200\200 recieved text: in Kazakstan today.\n\nThe \360\237\230\200 emoji and Artsakh again.\n\nTab:\tthen \360\237\230\200 Nato meeting.\n' >"$1/post.md"
    printf '\357\273\277---\r\ntitle: T\r\nauthor: Ann Lee\r\n---\r\n\r\nNa\303\257ve \360\237\230\200\360\237\230\200 goverment here.\r\n' >"$1/crlf.md"
}
