import { ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Min, ValidateIf } from 'class-validator';

export const Roles = ['user', 'partner', 'vip', 'admin'] as const;
export type Role = (typeof Roles)[number];

/** `inference` covers every inference, files and batches endpoint. */
export const Scopes = ['inference', 'usage:read', 'admin'] as const;
export type Scope = (typeof Scopes)[number];

/** Who is calling, as the gateway learned it from billing. Travels with every request to the router. */
export class Principal {
  @IsString() userId!: string;
  @IsString() keyId!: string;
  @IsIn(Roles) role!: Role;
  @IsArray() @ArrayUnique() @IsIn(Scopes, { each: true }) scopes!: Scope[];
  /** requests per minute across all the user's keys (their own limit, else their role's); null = unlimited */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(1) rateLimit?: number | null;
}
