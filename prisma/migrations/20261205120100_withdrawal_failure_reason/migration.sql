-- Why the rail failed or reversed a withdrawal (the bank callback's reason, or the simulator's).
ALTER TABLE "Withdrawal" ADD COLUMN "failureReason" TEXT;
