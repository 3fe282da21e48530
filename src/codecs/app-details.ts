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
import { struct } from './primitives';

export const AppDetailsCodec = struct<AppDetails>(
  'an appDetails object',
  {},
  { appVersion: t.string, deviceFamily: DeviceFamilyCodec, ipAddress: IpAddress, os: OperatingSystemCodec, osVersion: t.string },
);
