using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspPortal.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ArmApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LinkId",
                table: "AccessRules",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LinkReferenceId",
                table: "AccessRules",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NetworkSecurityPerimeters",
                table: "AccessRules",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "ActivityLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventTimestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CorrelationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceGroupName = table.Column<string>(type: "character varying(90)", maxLength: 90, nullable: true),
                    ResourceId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    ResourceIdKey = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    ResourceType = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OperationName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Caller = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CallerType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OperationStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Location = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResourceId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperationStatuses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRules_LinkId",
                table: "AccessRules",
                column: "LinkId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessRules_LinkReferenceId",
                table: "AccessRules",
                column: "LinkReferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityLog_ResourceIdKey_EventTimestamp",
                table: "ActivityLog",
                columns: new[] { "ResourceIdKey", "EventTimestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityLog_SubscriptionId_EventTimestamp",
                table: "ActivityLog",
                columns: new[] { "SubscriptionId", "EventTimestamp" });

            migrationBuilder.AddForeignKey(
                name: "FK_AccessRules_LinkReferences_LinkReferenceId",
                table: "AccessRules",
                column: "LinkReferenceId",
                principalTable: "LinkReferences",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AccessRules_Links_LinkId",
                table: "AccessRules",
                column: "LinkId",
                principalTable: "Links",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AccessRules_LinkReferences_LinkReferenceId",
                table: "AccessRules");

            migrationBuilder.DropForeignKey(
                name: "FK_AccessRules_Links_LinkId",
                table: "AccessRules");

            migrationBuilder.DropTable(
                name: "ActivityLog");

            migrationBuilder.DropTable(
                name: "OperationStatuses");

            migrationBuilder.DropIndex(
                name: "IX_AccessRules_LinkId",
                table: "AccessRules");

            migrationBuilder.DropIndex(
                name: "IX_AccessRules_LinkReferenceId",
                table: "AccessRules");

            migrationBuilder.DropColumn(
                name: "LinkId",
                table: "AccessRules");

            migrationBuilder.DropColumn(
                name: "LinkReferenceId",
                table: "AccessRules");

            migrationBuilder.DropColumn(
                name: "NetworkSecurityPerimeters",
                table: "AccessRules");
        }
    }
}
