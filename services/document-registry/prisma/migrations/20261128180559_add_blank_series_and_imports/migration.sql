-- CreateTable
CREATE TABLE "blank_series" (
    "id" UUID NOT NULL,
    "issuing_state" VARCHAR(3) NOT NULL,
    "document_type" VARCHAR(32) NOT NULL,
    "prefix" TEXT NOT NULL,
    "first_number" TEXT NOT NULL,
    "last_number" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reported_on" DATE NOT NULL,
    "authority_id" UUID NOT NULL,
    "authority_reference" TEXT,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawal_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "blank_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_job" (
    "id" UUID NOT NULL,
    "authority_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "file_path" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "bytes" BIGINT NOT NULL,
    "total_lines" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "lines_done" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "duplicate" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_reject" (
    "import_id" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "import_reject_pkey" PRIMARY KEY ("import_id","line")
);

-- CreateIndex
CREATE UNIQUE INDEX "blank_series_issuing_state_document_type_prefix_first_numbe_key" ON "blank_series"("issuing_state", "document_type", "prefix", "first_number", "last_number");

-- AddForeignKey
ALTER TABLE "blank_series" ADD CONSTRAINT "blank_series_authority_id_fkey" FOREIGN KEY ("authority_id") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_authority_id_fkey" FOREIGN KEY ("authority_id") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_reject" ADD CONSTRAINT "import_reject_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
