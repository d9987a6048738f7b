-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "policy" TEXT;
