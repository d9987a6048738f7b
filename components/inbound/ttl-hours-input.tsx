import { Controller, type Control, type FieldValues, type Path } from "react-hook-form";
import type { FieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** The idempotency window in hours; an emptied box is NaN so the schema names the problem. */
export function TtlHoursInput<T extends FieldValues>({ control, name, field: c }: { control: Control<T>; name: Path<T>; field: FieldControlProps }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Input
          {...c}
          type="number"
          inputMode="numeric"
          min={1}
          max={720}
          suffix="hours"
          name={field.name}
          ref={field.ref}
          value={Number.isNaN(field.value) ? "" : (field.value as number)}
          onBlur={field.onBlur}
          onChange={(e) => field.onChange(e.target.value === "" ? Number.NaN : Number(e.target.value))}
        />
      )}
    />
  );
}
