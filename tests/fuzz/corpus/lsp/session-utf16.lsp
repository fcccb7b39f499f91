Content-Length: 188

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}}Content-Length: 57

{"jsonrpc": "2.0", "method": "initialized", "params": {}}Content-Length: 381

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/a%20b.md", "languageId": "markdown", "version": 1, "text": "---\ntitle: A post\n---\n\n# Title\n\n## Empty\n\n## Section\n\nTBD  and  a figure of 12% with a [link](https://x.org).\n\n| a | b |\n|---|---|\n| cell |\n\nEmoji 😀 line with é and tab\there.\n"}}}Content-Length: 264

{"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/a%20b.md"}, "range": {"start": {"line": 10, "character": 0}, "end": {"line": 10, "character": 20}}, "context": {"diagnostics": []}}}Content-Length: 181

{"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/a%20b.md"}, "position": {"line": 10, "character": 1}}}Content-Length: 373

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/a%20b.md", "version": 2}, "contentChanges": [{"range": {"start": {"line": 17, "character": 6}, "end": {"line": 17, "character": 8}}, "text": "X"}, {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "\r\n"}]}}Content-Length: 262

{"jsonrpc": "2.0", "id": 4, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/a%20b.md"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}, "context": {"diagnostics": []}}}Content-Length: 176

{"jsonrpc": "2.0", "id": 5, "method": "workspace/executeCommand", "params": {"command": "civlint.addWord", "arguments": ["file:///tmp/civlint-fuzz/posts/a%20b.md", "Beridze"]}}Content-Length: 341

{"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/a%20b.md"}, "text": "---\ntitle: A post\n---\n\n# Title\n\n## Empty\n\n## Section\n\nTBD  and  a figure of 12% with a [link](https://x.org).\n\n| a | b |\n|---|---|\n| cell |\n\nEmoji 😀 line with é and tab\there.\n"}}Content-Length: 136

{"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file:///tmp/.civlint.yml", "type": 2}]}}Content-Length: 133

{"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/a%20b.md"}}}Content-Length: 65

{"jsonrpc": "2.0", "id": 6, "method": "shutdown", "params": null}Content-Length: 52

{"jsonrpc": "2.0", "method": "exit", "params": null}