import type { Kysely } from 'kysely';
import type { AreaStore, LsoaChange, PostcodeRecord } from '../../app/areas/area-records.js';
import type { Database } from '../schema.js';
import { batches, toPostcode } from './area-rows.js';

/** Lookups to areas: postcodes, and LSOAs of 2011 to those of 2021. */
export function areaLookups(
  db: Kysely<Database>,
): Pick<
  AreaStore,
  | 'upsertPostcodes'
  | 'findPostcode'
  | 'examplePostcode'
  | 'listPostcodes'
  | 'upsertLsoaChanges'
  | 'listLsoaChanges'
> {
  return {
    async upsertPostcodes(records) {
      for (const batch of batches(records, 9)) {
        await db
          .insertInto('postcodes')
          .values(
            batch.map((r) => ({
              postcode: r.postcode,
              lat: r.lat,
              lng: r.lng,
              lsoa_code: r.lsoaCode,
              lsoa_edition: r.lsoaEdition,
              ward_code: r.wardCode,
              authority_code: r.authorityCode,
              terminated_on: r.terminatedOn,
              located: r.located ? 1 : 0,
            })),
          )
          .onConflict((oc) =>
            oc.column('postcode').doUpdateSet((eb) => ({
              lat: eb.ref('excluded.lat'),
              lng: eb.ref('excluded.lng'),
              lsoa_code: eb.ref('excluded.lsoa_code'),
              lsoa_edition: eb.ref('excluded.lsoa_edition'),
              ward_code: eb.ref('excluded.ward_code'),
              authority_code: eb.ref('excluded.authority_code'),
              terminated_on: eb.ref('excluded.terminated_on'),
              located: eb.ref('excluded.located'),
            })),
          )
          .execute();
      }
    },
    async findPostcode(postcode) {
      const row = await db
        .selectFrom('postcodes')
        .selectAll()
        .where('postcode', '=', postcode)
        .executeTakeFirst();
      return row && toPostcode(row);
    },
    async examplePostcode(authorityCode) {
      const row = await db
        .selectFrom('postcodes')
        .select('postcode')
        .where('authority_code', '=', authorityCode)
        .where('terminated_on', 'is', null)
        .where('located', '=', 1)
        .orderBy('postcode')
        .limit(1)
        .executeTakeFirst();
      return row?.postcode;
    },
    async listPostcodes(postcodes) {
      const out: PostcodeRecord[] = [];
      for (const batch of batches(postcodes, 1)) {
        const rows = await db.selectFrom('postcodes').selectAll().where('postcode', 'in', batch).execute();
        out.push(...rows.map(toPostcode));
      }
      return out;
    },

    async upsertLsoaChanges(changes) {
      for (const batch of batches(changes, 3)) {
        await db
          .insertInto('lsoa_changes')
          .values(
            batch.map((c) => ({
              lsoa11_code: c.lsoa11Code,
              lsoa21_code: c.lsoa21Code,
              change_code: c.changeCode,
            })),
          )
          .onConflict((oc) =>
            oc
              .columns(['lsoa11_code', 'lsoa21_code'])
              .doUpdateSet((eb) => ({ change_code: eb.ref('excluded.change_code') })),
          )
          .execute();
      }
    },
    async listLsoaChanges(lsoa11Codes) {
      const read = async (subset?: readonly string[]): Promise<LsoaChange[]> => {
        let query = db.selectFrom('lsoa_changes').selectAll();
        if (subset) query = query.where('lsoa11_code', 'in', subset);
        const rows = await query.orderBy('lsoa11_code').orderBy('lsoa21_code').execute();
        return rows.map((r) => ({
          lsoa11Code: r.lsoa11_code,
          lsoa21Code: r.lsoa21_code,
          changeCode: r.change_code,
        }));
      };
      if (!lsoa11Codes) return read();
      const out: LsoaChange[] = [];
      for (const batch of batches(lsoa11Codes, 1)) out.push(...(await read(batch)));
      return out;
    },
  };
}
