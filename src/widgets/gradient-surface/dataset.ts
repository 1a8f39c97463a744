/** The data set whose loss the map shows, made once per page, and where that loss is smallest. */
import { makeData, minimum } from './model';

export const data = makeData();
export const MIN = minimum(data);
