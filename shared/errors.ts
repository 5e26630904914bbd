/** One error class per HTTP meaning; the shared HTTP layer turns them into the API's error body. */
export interface Issue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequest extends AppError {
  constructor(message: string, issues: Issue[] = [], code = 'bad_request') {
    super(400, code, message, issues);
  }
}

export class Unauthorized extends AppError {
  constructor(message = 'A valid bearer token is required') {
    super(401, 'unauthorized', message);
  }
}

export class Forbidden extends AppError {
  constructor(message: string, code = 'forbidden') {
    super(403, code, message);
  }
}

/** An action closed by a deadline: 403, and the message names the deadline in course time. */
export class DeadlinePassed extends Forbidden {
  constructor(message: string) {
    super(message, 'deadline_passed');
  }
}

export class NotFound extends AppError {
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

export class Conflict extends AppError {
  constructor(message: string, code = 'conflict') {
    super(409, code, message);
  }
}

export class PayloadTooLarge extends AppError {
  constructor(message: string) {
    super(413, 'payload_too_large', message);
  }
}

/** Another writer held one of the items at that moment; nothing was saved, so trying again is safe. */
export const tryAgain = () =>
  new Conflict(
    'Someone changed the same items at the same moment; nothing was saved, try again',
    'try_again',
  );
