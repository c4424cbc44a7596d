-- AlterTable
ALTER TABLE "OncallIncident" ADD COLUMN     "detailZh" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleZh" TEXT NOT NULL DEFAULT '';
