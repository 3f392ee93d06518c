/**
 * The service's one time zone. Stored local dates (report days, a campaign's first day, holidays) are dates in
 * this zone, and every "today", quiet hour and working hour is read in it. Instants are stored as epoch ms.
 */
export const TIMEZONE = 'Asia/Ho_Chi_Minh';
