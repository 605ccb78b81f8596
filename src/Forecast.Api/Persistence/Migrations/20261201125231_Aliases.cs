using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Aliases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AliasMoves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromModelId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToModelId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MovedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AliasMoves", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Aliases",
                columns: table => new
                {
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    MovedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Aliases", x => new { x.SubjectId, x.Name });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AliasMoves_SubjectId_Name",
                table: "AliasMoves",
                columns: new[] { "SubjectId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AliasMoves");

            migrationBuilder.DropTable(
                name: "Aliases");
        }
    }
}
