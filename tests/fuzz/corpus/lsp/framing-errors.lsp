Content-Length: 5

{bad}Content-Type: application/vscode-jsonrpc; charset=utf-8

Content-Length: x

Content-Length: 99999999999

Content-Length: 60

{"jsonrpc": "2.0", "id": 1, "method": "hover", "params": {}}Content-Length: 6

[1, 2]Content-Length: 31

{"id": {"x": 1}, "method": "m"}Content-Length: 188

{"jsonrpc": "2.0", "id": 7, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}}Content-Length: 188

{"jsonrpc": "2.0", "id": 8, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}}Content-Length: 79

{"jsonrpc": "2.0", "id": 9, "method": "textDocument/hover", "params": "params"}Content-Length: 40

{"jsonrpc":"2.0","method":"exit"}