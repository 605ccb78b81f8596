using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StatisticalCollections : Migration
    {
        /// <inheritdoc />
        // Every collection model stored before is a global network: it keeps its artifact, and its members have no fit.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fit",
                table: "MemberEvaluations",
                type: "text",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Artifact",
                table: "CollectionModels",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.CreateTable(
                name: "MemberFits",
                columns: table => new
                {
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberFits", x => new { x.RunId, x.Key });
                    table.ForeignKey(
                        name: "FK_MemberFits_TrainingRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "TrainingRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberFits");

            migrationBuilder.DropColumn(
                name: "Fit",
                table: "MemberEvaluations");

            migrationBuilder.AlterColumn<string>(
                name: "Artifact",
                table: "CollectionModels",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
