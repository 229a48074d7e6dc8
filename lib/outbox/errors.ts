/**
 * A delivery that can never succeed as it is (a mail server refused the recipient with a 5xx,
 * the message's object is gone): the message fails at once, without the remaining retries.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
