using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NspPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResourceGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LastModifiedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceGroups_Subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "Subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaasResources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ResourceIdKey = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublicNetworkAccess = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FirewallIpRules = table.Column<string>(type: "TEXT", nullable: false),
                    AllowTrustedServices = table.Column<bool>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LastModifiedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaasResources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaasResources_ResourceGroups_ResourceGroupId",
                        column: x => x.ResourceGroupId,
                        principalTable: "ResourceGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Perimeters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    PerimeterGuid = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProvisioningState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LastModifiedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Perimeters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Perimeters_ResourceGroups_ResourceGroupId",
                        column: x => x.ResourceGroupId,
                        principalTable: "ResourceGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerimeterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RemotePerimeterResourceId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    RemotePerimeterGuid = table.Column<Guid>(type: "TEXT", nullable: true),
                    RemotePerimeterLocation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LocalInboundProfiles = table.Column<string>(type: "TEXT", nullable: false),
                    RemoteInboundProfiles = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProvisioningState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LastModifiedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Links_Perimeters_PerimeterId",
                        column: x => x.PerimeterId,
                        principalTable: "Perimeters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LoggingConfigurations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerimeterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnabledLogCategories = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    DestinationDescription = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LastModifiedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoggingConfigurations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LoggingConfigurations_Perimeters_PerimeterId",
                        column: x => x.PerimeterId,
                        principalTable: "Perimeters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerimeterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccessRulesVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    DiagnosticSettingsVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LastModifiedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Profiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Profiles_Perimeters_PerimeterId",
                        column: x => x.PerimeterId,
                        principalTable: "Perimeters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LinkReferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerimeterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RemotePerimeterResourceId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    RemotePerimeterGuid = table.Column<Guid>(type: "TEXT", nullable: true),
                    RemotePerimeterLocation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LocalInboundProfiles = table.Column<string>(type: "TEXT", nullable: false),
                    RemoteInboundProfiles = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProvisioningState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LastModifiedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkReferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkReferences_Links_LinkId",
                        column: x => x.LinkId,
                        principalTable: "Links",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LinkReferences_Perimeters_PerimeterId",
                        column: x => x.PerimeterId,
                        principalTable: "Perimeters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccessRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProvisioningState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AddressPrefixes = table.Column<string>(type: "TEXT", nullable: false),
                    Subscriptions = table.Column<string>(type: "TEXT", nullable: false),
                    FullyQualifiedDomainNames = table.Column<string>(type: "TEXT", nullable: false),
                    ServiceTags = table.Column<string>(type: "TEXT", nullable: false),
                    EmailAddresses = table.Column<string>(type: "TEXT", nullable: false),
                    PhoneNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LastModifiedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessRules_Profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "Profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceAssociations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerimeterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaasResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccessMode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProvisioningState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HasProvisioningIssues = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LastModifiedByType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceAssociations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceAssociations_PaasResources_PaasResourceId",
                        column: x => x.PaasResourceId,
                        principalTable: "PaasResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResourceAssociations_Perimeters_PerimeterId",
                        column: x => x.PerimeterId,
                        principalTable: "Perimeters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResourceAssociations_Profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "Profiles",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRules_ProfileId_NameKey",
                table: "AccessRules",
                columns: new[] { "ProfileId", "NameKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkReferences_LinkId",
                table: "LinkReferences",
                column: "LinkId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkReferences_PerimeterId_NameKey",
                table: "LinkReferences",
                columns: new[] { "PerimeterId", "NameKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Links_PerimeterId_NameKey",
                table: "Links",
                columns: new[] { "PerimeterId", "NameKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LoggingConfigurations_PerimeterId",
                table: "LoggingConfigurations",
                column: "PerimeterId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaasResources_ResourceGroupId",
                table: "PaasResources",
                column: "ResourceGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_PaasResources_ResourceIdKey",
                table: "PaasResources",
                column: "ResourceIdKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaasResources_ResourceType_NameKey",
                table: "PaasResources",
                columns: new[] { "ResourceType", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Perimeters_PerimeterGuid",
                table: "Perimeters",
                column: "PerimeterGuid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Perimeters_ResourceGroupId_NameKey",
                table: "Perimeters",
                columns: new[] { "ResourceGroupId", "NameKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_PerimeterId_NameKey",
                table: "Profiles",
                columns: new[] { "PerimeterId", "NameKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceAssociations_PaasResourceId",
                table: "ResourceAssociations",
                column: "PaasResourceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceAssociations_PerimeterId_NameKey",
                table: "ResourceAssociations",
                columns: new[] { "PerimeterId", "NameKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceAssociations_ProfileId",
                table: "ResourceAssociations",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceGroups_SubscriptionId_NameKey",
                table: "ResourceGroups",
                columns: new[] { "SubscriptionId", "NameKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessRules");

            migrationBuilder.DropTable(
                name: "LinkReferences");

            migrationBuilder.DropTable(
                name: "LoggingConfigurations");

            migrationBuilder.DropTable(
                name: "ResourceAssociations");

            migrationBuilder.DropTable(
                name: "Links");

            migrationBuilder.DropTable(
                name: "PaasResources");

            migrationBuilder.DropTable(
                name: "Profiles");

            migrationBuilder.DropTable(
                name: "Perimeters");

            migrationBuilder.DropTable(
                name: "ResourceGroups");

            migrationBuilder.DropTable(
                name: "Subscriptions");
        }
    }
}
