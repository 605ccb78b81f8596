using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RetrainingPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RetrainingPolicyId",
                table: "TrainingRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RetrainingPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CollectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Policy = table.Column<string>(type: "TEXT", nullable: false),
                    PausedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ServedUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ObservedPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetrainingPolicies", x => x.Id);
                    table.CheckConstraint("CK_RetrainingPolicies_OneSubject", "(\"SeriesId\" IS NULL) <> (\"CollectionId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_RetrainingPolicies_Collections_CollectionId",
                        column: x => x.CollectionId,
                        principalTable: "Collections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RetrainingPolicies_Series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "Series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RetrainingEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Refused = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetrainingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RetrainingEvents_RetrainingPolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "RetrainingPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RetrainingEvents_PolicyId_Id",
                table: "RetrainingEvents",
                columns: new[] { "PolicyId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RetrainingEvents_RunId",
                table: "RetrainingEvents",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_RetrainingPolicies_CollectionId_Name",
                table: "RetrainingPolicies",
                columns: new[] { "CollectionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RetrainingPolicies_SeriesId_Name",
                table: "RetrainingPolicies",
                columns: new[] { "SeriesId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetrainingEvents");

            migrationBuilder.DropTable(
                name: "RetrainingPolicies");

            migrationBuilder.DropColumn(
                name: "RetrainingPolicyId",
                table: "TrainingRuns");
        }
    }
}
