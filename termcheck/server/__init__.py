"""termcheck's servers: the HTTP API for newsroom systems (`termcheck serve`, http.py) and the
language server for editors (`termcheck lsp`, lsp.py). Both check text through termcheck.api;
their libraries (Starlette and uvicorn, pygls) are optional extras, imported only by them."""
