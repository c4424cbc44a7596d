// An offline IP-prefix -> location table for the demo's geo-jump rule (P4). Real deployments
// would load a licensed IP database; the rule only needs a city and coordinates.
export interface GeoPoint {
  city: string;
  lat: number;
  lon: number;
}

const TABLE: ReadonlyArray<[prefix: string, point: GeoPoint]> = [
  ["58.246.", { city: "Shanghai", lat: 31.23, lon: 121.47 }],
  ["101.80.", { city: "Shanghai", lat: 31.23, lon: 121.47 }],
  ["123.125.", { city: "Beijing", lat: 39.9, lon: 116.41 }],
  ["114.247.", { city: "Beijing", lat: 39.9, lon: 116.41 }],
  ["113.108.", { city: "Guangzhou", lat: 23.13, lon: 113.26 }],
  ["119.123.", { city: "Shenzhen", lat: 22.54, lon: 114.06 }],
  ["61.139.", { city: "Chengdu", lat: 30.57, lon: 104.07 }],
  ["218.75.", { city: "Hangzhou", lat: 30.27, lon: 120.16 }],
  ["222.172.", { city: "Kunming", lat: 25.04, lon: 102.71 }],
  ["125.64.", { city: "Urumqi", lat: 43.83, lon: 87.62 }],
  ["203.198.", { city: "Hong Kong", lat: 22.32, lon: 114.17 }],
  ["103.252.", { city: "Singapore", lat: 1.35, lon: 103.82 }],
  ["81.2.", { city: "London", lat: 51.51, lon: -0.13 }],
  ["8.8.", { city: "Mountain View", lat: 37.39, lon: -122.08 }],
];

export function locateIp(ip: string | null | undefined): GeoPoint | null {
  if (!ip) return null;
  for (const [prefix, point] of TABLE) if (ip.startsWith(prefix)) return point;
  return null;
}

/** Great-circle distance in km (haversine, Earth radius 6371 km). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
