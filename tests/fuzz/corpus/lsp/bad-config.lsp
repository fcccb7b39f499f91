Content-Length: 233

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}, "general": {"positionEncodings": ["utf-8"]}}}}Content-Length: 182

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///x/bad-config/p.md", "languageId": "markdown", "version": 1, "text": "# T\n\nTBD\n"}}}Content-Length: 230

{"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///x/bad-config/p.md"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 5, "character": 0}}, "context": {}}}