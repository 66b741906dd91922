import {
  AdmissionAnnouncement,
  InAppStudentInformationSystem,
  InstitutionDefinition,
  SystemContext,
} from '@lr/institutions';
import { IN_APP_INSTITUTIONS } from './test-app';

/** Stands in for a host's own system that is down until the test brings it back. */
export class SwitchableHostSystem extends InAppStudentInformationSystem {
  up = false;

  override announceAdmission(a: AdmissionAnnouncement): Promise<{ reference: string }> {
    return this.up
      ? Promise.resolve({ reference: `WL-${a.componentId.slice(0, 4)}` })
      : Promise.reject(new Error('connect ETIMEDOUT host-sis.westland'));
  }
}

/**
 * The institutions of a test app with hs-westland's own system replaced by a switchable one; `system()` gives that
 * system once the app has built its registry.
 */
export function withSwitchableWestland(): {
  institutions: InstitutionDefinition[];
  system(): SwitchableHostSystem;
} {
  let westland: SwitchableHostSystem | undefined;
  const institutions = IN_APP_INSTITUTIONS.map((d) =>
    d.code === 'hs-westland'
      ? {
          ...d,
          studentInformationSystem: ({ register }: SystemContext) =>
            (westland = new SwitchableHostSystem('hs-westland', register)),
        }
      : d,
  );
  return {
    institutions,
    system: () => {
      if (!westland) throw new Error('The app has not built hs-westland’s system yet.');
      return westland;
    },
  };
}
