import { categoryPrefix, InvalidStreamNameError, parseStreamName, streamName } from './stream-name';

describe('streamName', () => {
  it('joins category and id with a dash', () => {
    expect(streamName('order', '8f1c-42')).toBe('order-8f1c-42');
    expect(streamName('erpCustomerSync', 'c1')).toBe('erpCustomerSync-c1');
  });

  it('rejects a category holding a dash, so $ce- projections stay unambiguous', () => {
    expect(() => streamName('erp-customer', 'c1')).toThrow(InvalidStreamNameError);
  });

  it('rejects an empty category or id', () => {
    expect(() => streamName('', 'c1')).toThrow(InvalidStreamNameError);
    expect(() => streamName('order', '')).toThrow(InvalidStreamNameError);
  });

  it('parses a name back at its first dash, keeping dashes in the id', () => {
    expect(parseStreamName('order-8f1c-42')).toEqual({ category: 'order', id: '8f1c-42' });
    expect(() => parseStreamName('order')).toThrow(InvalidStreamNameError);
  });

  it('gives the prefix that selects a whole category', () => {
    expect(categoryPrefix('order')).toBe('order-');
  });
});
