Content-Length: 245

{"jsonrpc": "2.0", "id": "a", "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}, "general": {"positionEncodings": ["utf-32", "utf-8"]}}}}Content-Length: 195

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "untitled:Untitled-1", "languageId": "markdown", "version": 1, "text": "😀😀 TBD\r\nline two\rthree"}}}Content-Length: 286

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "untitled:Untitled-1", "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 1}, "end": {"line": 2, "character": 99}}, "text": "é"}, {"text": "full replacement TBD\n"}]}}Content-Length: 161

{"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "untitled:Untitled-1"}, "position": {"line": 0, "character": 18}}}Content-Length: 73

{"jsonrpc": "2.0", "id": 3, "method": "unknown/method", "params": [1, 2]}Content-Length: 62

{"jsonrpc": "2.0", "id": "civlint-register-1", "result": null}