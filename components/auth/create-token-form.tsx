"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { apiTokenCreateSchema } from "@/lib/auth/credentials";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { useCreateApiToken, type CreatedToken } from "./hooks";

type Values = z.input<typeof apiTokenCreateSchema>;

export function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const create = useCreateApiToken();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<Values, unknown, z.output<typeof apiTokenCreateSchema>>({ resolver: zodResolver(apiTokenCreateSchema), defaultValues: { name: "" } });

  const onSubmit = handleSubmit(async ({ name }) => {
    try {
      onCreated(await create.mutateAsync(name));
      reset();
    } catch (err) {
      const problem = applyFieldErrors(err, ["name"], setError);
      if (problem) toast.error(problem);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-1.5">
      <label htmlFor="token-name" className="text-sm font-medium text-slate-700">
        New token
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          id="token-name"
          {...register("name")}
          placeholder="What uses it, e.g. billing-service"
          autoComplete="off"
          aria-invalid={Boolean(errors.name)}
          aria-describedby={errors.name ? "token-name-error" : "token-name-hint"}
          className="sm:max-w-sm"
        />
        <Button type="submit" variant="primary" icon={Plus} loading={create.isPending}>
          Create token
        </Button>
      </div>
      {errors.name ? (
        <p id="token-name-error" className="text-xs text-red-600">
          {errors.name.message}
        </p>
      ) : (
        <p id="token-name-hint" className="text-xs text-slate-500">
          A name you will recognise when deciding whether to revoke it.
        </p>
      )}
    </form>
  );
}
