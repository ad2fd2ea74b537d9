/** Property names that usually hold an error's code, most likely first. */
export const CODE_NAMES = ['code', 'error_code', 'errorCode', 'error', 'type', 'kind', 'reason', 'error_type', 'errorType', 'status', 'name'];

/** Property names that usually hold the human-readable message, most likely first. */
export const MESSAGE_NAMES = ['message', 'detail', 'error_description', 'errorMessage', 'error_message', 'description', 'msg', 'title', 'text', 'error', 'reason'];
