Content-Length: 146

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "capabilities": {"general": {"positionEncodings": ["utf-16"]}}}}Content-Length: 419

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/2024-05-06-fixes.md", "languageId": "markdown", "version": 1, "text": "---\ntitle: Fixes\ndate: 2024-05-06\n---\n\n# Fixes\n\nA zero​width space, a pаper with a Cyrillic letter, and what happened yesterday.\n\n    indented like code but prose here\n\nAna Kobalia – Researcher, Example Org\n"}}}Content-Length: 273

{"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/2024-05-06-fixes.md"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 20, "character": 0}}, "context": {"diagnostics": []}}}Content-Length: 191

{"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/2024-05-06-fixes.md"}, "position": {"line": 7, "character": 7}}}Content-Length: 278

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/2024-05-06-fixes.md", "version": 2}, "contentChanges": [{"range": {"start": {"line": 7, "character": 6}, "end": {"line": 7, "character": 7}}, "text": ""}]}}Content-Length: 273

{"jsonrpc": "2.0", "id": 4, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///tmp/civlint-fuzz/posts/2024-05-06-fixes.md"}, "range": {"start": {"line": 7, "character": 0}, "end": {"line": 7, "character": 99}}, "context": {"diagnostics": []}}}