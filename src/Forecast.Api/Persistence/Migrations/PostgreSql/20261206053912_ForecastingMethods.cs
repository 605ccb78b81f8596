using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ForecastingMethods : Migration
    {
        /// <inheritdoc />
        // Every model stored before methods is a network: the new Method columns say "lstm" for them.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Artifact",
                table: "Models",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "Fit",
                table: "Models",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Method",
                table: "Models",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "lstm");

            migrationBuilder.AddColumn<string>(
                name: "Method",
                table: "CollectionModels",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "lstm");

            migrationBuilder.CreateIndex(
                name: "IX_Models_Method",
                table: "Models",
                column: "Method");

            migrationBuilder.CreateIndex(
                name: "IX_CollectionModels_Method",
                table: "CollectionModels",
                column: "Method");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Models_Method",
                table: "Models");

            migrationBuilder.DropIndex(
                name: "IX_CollectionModels_Method",
                table: "CollectionModels");

            migrationBuilder.DropColumn(
                name: "Fit",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "Method",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "Method",
                table: "CollectionModels");

            migrationBuilder.AlterColumn<string>(
                name: "Artifact",
                table: "Models",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
