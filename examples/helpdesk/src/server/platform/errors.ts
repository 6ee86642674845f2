export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`, 404, 'not_found');
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message: string) {
    super(message, 403, 'forbidden');
  }
}

export class LimitExceededError extends DomainError {
  constructor(limit: string, max: number) {
    super(`plan limit reached: ${limit} (${max})`, 402, 'plan_limit');
  }
}
