using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Forecast.Api.Persistence.Migrations.PostgreSql
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RetrainingPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: true),
                    CollectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerKeyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Policy = table.Column<string>(type: "text", nullable: false),
                    PausedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ServedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ObservedPoints = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PolicyId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerKeyId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: true),
                    Refused = table.Column<bool>(type: "boolean", nullable: false)
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
