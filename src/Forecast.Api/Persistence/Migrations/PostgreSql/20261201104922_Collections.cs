using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Collections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CollectionId",
                table: "Series",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "Series",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Collections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerKeyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Frequency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FillPolicy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Collections", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Series_CollectionId_Key",
                table: "Series",
                columns: new[] { "CollectionId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Collections_CreatedAt",
                table: "Collections",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Collections_OwnerKeyId",
                table: "Collections",
                column: "OwnerKeyId");

            migrationBuilder.AddForeignKey(
                name: "FK_Series_Collections_CollectionId",
                table: "Series",
                column: "CollectionId",
                principalTable: "Collections",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Series_Collections_CollectionId",
                table: "Series");

            migrationBuilder.DropTable(
                name: "Collections");

            migrationBuilder.DropIndex(
                name: "IX_Series_CollectionId_Key",
                table: "Series");

            migrationBuilder.DropColumn(
                name: "CollectionId",
                table: "Series");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "Series");
        }
    }
}
