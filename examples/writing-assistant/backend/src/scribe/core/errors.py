class ScribeError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(ScribeError):
    status_code = 404
    code = "not_found"


class QuotaExceeded(ScribeError):
    status_code = 402
    code = "quota_exceeded"


class Unauthorized(ScribeError):
    status_code = 401
    code = "unauthorized"
