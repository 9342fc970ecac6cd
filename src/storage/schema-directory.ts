/** Row shapes: the directory of services and their places, areas, opening times and contacts. */

export interface ServicesTable {
  id: string;
  partnership_id: string;
  organisation_id: string;
  name: string;
  description: string;
  url: string | null;
  email: string | null;
  phone: string | null;
  status: string;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  cost: string | null;
  how_to_access: string | null;
  /** A JSON list of language names. */
  languages: string;
  accessibility: string | null;
  capacity_people: number | null;
  capacity_period: string | null;
  source_kind: string;
  source_id: string;
  last_checked_at: string | null;
  last_checked_by: string | null;
  last_checked_by_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceThemesTable {
  service_id: string;
  theme_id: string;
}

export interface ServiceLocationsTable {
  id: string;
  service_id: string;
  position: number;
  source_id: string | null;
  name: string | null;
  address: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  visibility: string;
}

export interface ServiceAreasTable {
  id: string;
  service_id: string;
  position: number;
  kind: string;
  area_code: string | null;
  geojson: string | null;
  name: string | null;
}

export interface ServiceSchedulesTable {
  id: string;
  service_id: string;
  position: number;
  day: string;
  opens: string;
  closes: string;
}

export interface ServiceContactsTable {
  id: string;
  service_id: string;
  position: number;
  name: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
}
