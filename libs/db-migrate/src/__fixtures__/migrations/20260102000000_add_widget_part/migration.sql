-- CreateTable
CREATE TABLE "widget_part" (
    "id" UUID NOT NULL,
    "widget_id" UUID NOT NULL,
    "spec" JSONB NOT NULL,

    CONSTRAINT "widget_part_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "widget_part_widget_id_idx" ON "widget_part"("widget_id");

-- AddForeignKey
ALTER TABLE "widget_part" ADD CONSTRAINT "widget_part_widget_id_fkey" FOREIGN KEY ("widget_id") REFERENCES "widget"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
