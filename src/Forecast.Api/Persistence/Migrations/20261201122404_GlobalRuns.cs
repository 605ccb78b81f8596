using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class GlobalRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "SeriesId",
                table: "TrainingRuns",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "CollectionId",
                table: "TrainingRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OwnerKeyId",
                table: "TrainingRuns",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "CollectionModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CollectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Artifact = table.Column<string>(type: "TEXT", nullable: false),
                    Hyperparameters = table.Column<string>(type: "TEXT", nullable: false),
                    Accuracy = table.Column<string>(type: "TEXT", nullable: false),
                    Coverage = table.Column<string>(type: "TEXT", nullable: false),
                    EpochsRun = table.Column<int>(type: "INTEGER", nullable: false),
                    BestEpoch = table.Column<int>(type: "INTEGER", nullable: false),
                    StoppedEarly = table.Column<bool>(type: "INTEGER", nullable: false),
                    TrainingWindows = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainingSeconds = table.Column<double>(type: "REAL", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectionModels_Collections_CollectionId",
                        column: x => x.CollectionId,
                        principalTable: "Collections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberEvaluations",
                columns: table => new
                {
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mase = table.Column<double>(type: "REAL", nullable: true),
                    Smape = table.Column<double>(type: "REAL", nullable: true),
                    Evaluation = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberEvaluations", x => new { x.ModelId, x.Key });
                    table.ForeignKey(
                        name: "FK_MemberEvaluations_CollectionModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "CollectionModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRuns_CollectionId",
                table: "TrainingRuns",
                column: "CollectionId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRuns_OwnerKeyId",
                table: "TrainingRuns",
                column: "OwnerKeyId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_TrainingRuns_OneSubject",
                table: "TrainingRuns",
                sql: "(\"SeriesId\" IS NULL) <> (\"CollectionId\" IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_CollectionModels_CollectionId",
                table: "CollectionModels",
                column: "CollectionId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectionModels_OwnerKeyId",
                table: "CollectionModels",
                column: "OwnerKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectionModels_RunId",
                table: "CollectionModels",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberEvaluations_ModelId_Mase",
                table: "MemberEvaluations",
                columns: new[] { "ModelId", "Mase" });

            migrationBuilder.AddForeignKey(
                name: "FK_TrainingRuns_Collections_CollectionId",
                table: "TrainingRuns",
                column: "CollectionId",
                principalTable: "Collections",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            // Runs before this migration were all on series: each belongs to its series' key.
            migrationBuilder.Sql("UPDATE \"TrainingRuns\" SET \"OwnerKeyId\" = (SELECT \"OwnerKeyId\" FROM \"Series\" WHERE \"Series\".\"Id\" = \"TrainingRuns\".\"SeriesId\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TrainingRuns_Collections_CollectionId",
                table: "TrainingRuns");

            migrationBuilder.DropTable(
                name: "MemberEvaluations");

            migrationBuilder.DropTable(
                name: "CollectionModels");

            migrationBuilder.DropIndex(
                name: "IX_TrainingRuns_CollectionId",
                table: "TrainingRuns");

            migrationBuilder.DropIndex(
                name: "IX_TrainingRuns_OwnerKeyId",
                table: "TrainingRuns");

            migrationBuilder.DropCheckConstraint(
                name: "CK_TrainingRuns_OneSubject",
                table: "TrainingRuns");

            migrationBuilder.DropColumn(
                name: "CollectionId",
                table: "TrainingRuns");

            migrationBuilder.DropColumn(
                name: "OwnerKeyId",
                table: "TrainingRuns");

            migrationBuilder.AlterColumn<Guid>(
                name: "SeriesId",
                table: "TrainingRuns",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
