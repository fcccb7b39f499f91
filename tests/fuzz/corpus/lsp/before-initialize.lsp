Content-Length: 180

{"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/a%20b.md"}, "position": {"line": 0, "character": 0}}}Content-Length: 66

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {}}Content-Length: 52

{"jsonrpc": "2.0", "method": "exit", "params": null}