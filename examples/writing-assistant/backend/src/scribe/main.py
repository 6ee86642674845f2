from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from . import __version__
from .api import router
from .core import ScribeError

app = FastAPI(title="Scribe API", version=__version__)
app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://app.scribe.app", "chrome-extension://hkbmkpclhfbdgjbknjfmhbpmjdljfbgo"],
    allow_methods=["*"],
    allow_headers=["authorization", "content-type"],
)
app.include_router(router)


@app.exception_handler(ScribeError)
async def scribe_error(_request: Request, error: ScribeError) -> JSONResponse:
    return JSONResponse({"error": error.code, "message": error.message}, status_code=error.status_code)


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__}
