/**
 * The enumerations of a getEngagement request.
 *
 * @internal
 */
import type { DeviceFamily, OperatingSystem } from '../model';
import { oneOf } from './primitives';

export const DEVICE_FAMILIES: ReadonlyArray<DeviceFamily> = ['DESKTOP', 'TABLET', 'MOBILE'];
export const OPERATING_SYSTEMS: ReadonlyArray<OperatingSystem> = ['WINDOWS', 'MAC_OSX', 'LINUX', 'IOS', 'ANDROID'];

export const DeviceFamilyCodec = oneOf(DEVICE_FAMILIES);
export const OperatingSystemCodec = oneOf(OPERATING_SYSTEMS);
export const AppTypeCodec = oneOf(['EXTERNAL'] as const);
