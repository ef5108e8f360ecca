import { errorMessage } from './error-message';

describe('errorMessage', () => {
  it('keeps the message of a plain Error and names other error classes', () => {
    expect(errorMessage(new Error('ERP is down'))).toBe('ERP is down');
    expect(errorMessage(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
  });

  it("reads the message of Nest's RPC error objects and stringifies the rest", () => {
    expect(errorMessage({ status: 'error', message: 'Internal server error' })).toBe('Internal server error');
    expect(errorMessage('plain')).toBe('plain');
  });
});
