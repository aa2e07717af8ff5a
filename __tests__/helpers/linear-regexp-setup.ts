/** Jest setup: the linear-time regular expression engine, switched on as the doors do. */
import { enableLinearRegExp } from '../../src/adapters/linear-regexp.js';

enableLinearRegExp();
