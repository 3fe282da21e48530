import { defaultAvailability } from '../../src/emulator/options';
import { demoSections, demoState, findDemoSkill } from '../../src/demo/state';

const skills = [
  { id: 23, name: 'TestSkill', online: true },
  { id: 'b', name: 'Billing', online: false },
];

describe('findDemoSkill', () => {
  it('finds a skill by id, by the string form of its id, or by name', () => {
    expect(findDemoSkill(skills, 23)?.name).toBe('TestSkill');
    expect(findDemoSkill(skills, '23')?.name).toBe('TestSkill');
    expect(findDemoSkill(skills, 'b')?.name).toBe('Billing');
    expect(findDemoSkill(skills, 'Billing')?.id).toBe('b');
    expect(findDemoSkill(skills, 'nobody')).toBeUndefined();
  });
});

describe('demoSections', () => {
  it('lists the sections in order with the skill each routes to and whether it is online', () => {
    expect(demoSections(defaultAvailability, defaultAvailability.skills)).toEqual([
      { name: 'Support', skill: 'TestSkill', online: true },
      { name: 'Sales', skill: 'TestSkill', online: true },
      { name: 'Billing', skill: 'Billing', online: false },
    ]);
  });

  it('follows the skills given, not the availability\'s own flags', () => {
    const online = defaultAvailability.skills.map((s) => ({ ...s, online: true }));
    expect(demoSections(defaultAvailability, online).every((s) => s.online)).toBe(true);
  });

  it('leaves out a section whose skill is unknown', () => {
    const availability = { ...defaultAvailability, engagements: { Pets: { skill: 99 }, Support: { skill: 23 } } };
    expect(demoSections(availability, skills).map((s) => s.name)).toEqual(['Support']);
  });
});

describe('demoState', () => {
  it('copies the skills and carries the failure status', () => {
    const state = demoState({ url: 'http://127.0.0.1:1', accountId: 'acc' }, defaultAvailability, skills, { active: true, fault: 'reset', remainingCalls: 2 });
    expect(state.emulator).toEqual({ url: 'http://127.0.0.1:1', accountId: 'acc' });
    expect(state.skills).toEqual(skills);
    expect(state.skills[0]).not.toBe(skills[0]);
    expect(state.failure).toEqual({ active: true, fault: 'reset', remainingCalls: 2 });
  });
});
