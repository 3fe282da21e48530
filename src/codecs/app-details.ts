/**
 * `appDetails`: troubleshooting details, every field optional. Fields this
 * codec does not know are kept and forwarded, never dropped.
 *
 * @internal
 */
import * as t from 'io-ts';
import type { AppDetails } from '../model';
import { DeviceFamilyCodec, OperatingSystemCodec } from './enums';
import { IpAddress } from './ip-address';

export const AppDetailsCodec: t.Type<AppDetails, AppDetails, unknown> = t.partial(
  {
    appVersion: t.string,
    deviceFamily: DeviceFamilyCodec,
    ipAddress: IpAddress,
    os: OperatingSystemCodec,
    osVersion: t.string,
  },
  'an appDetails object',
);
