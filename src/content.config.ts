import { defineCollection, z } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { partSlug } from './util/lecture-paths';

/**
 * Content lives outside src/ in content/. A lecture is a folder `content/lectures/NN-name/`:
 * - `index.mdx` is the lecture itself (its opening page and metadata) → collection `lectures`;
 * - `NN-part.mdx` are its parts, in order → collection `parts`.
 * Schemas are strict: a misspelt or unknown frontmatter field fails the build with its name.
 */

const lectures = defineCollection({
  loader: glob({
    pattern: '*/index.mdx',
    base: './content/lectures',
    generateId: ({ entry }) => entry.split('/')[0]!,
  }),
  schema: z
    .object({
      title: z.string().min(3),
      number: z.number().int().positive(),
      summary: z.string().min(20),
      objectives: z.array(z.string().min(10)).min(1),
      updated: z.coerce.date(),
      draft: z.boolean().default(false),
    })
    .strict(),
});

const parts = defineCollection({
  loader: glob({
    pattern: '*/[0-9][0-9]-*.mdx',
    base: './content/lectures',
    generateId: ({ entry }) => {
      const [lecture, fileName] = entry.split('/') as [string, string];
      return `${lecture}/${partSlug(fileName)}`;
    },
  }),
  schema: z
    .object({
      title: z.string().min(3),
      summary: z.string().min(20),
      order: z.number().int().positive(),
      updated: z.coerce.date(),
      objectives: z.array(z.string().min(10)).optional(),
    })
    .strict(),
});

const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: z
    .object({
      id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'glossary ids are lower-case words joined by hyphens'),
      term: z.string().min(1),
      definition: z.string().min(10),
      seeAlso: z.array(z.string()).default([]),
      where: z.string().startsWith('/').optional(),
    })
    .strict(),
});

/**
 * Tutorials: runnable notebooks, one MDX file each in content/tutorials/ (`<Cell>` and `<Solution>`
 * come from src/notebook/). The id is the file name; the page is /tutorials/<id>/.
 */
const tutorials = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/tutorials' }),
  schema: z
    .object({
      title: z.string().min(3),
      summary: z.string().min(20),
      order: z.number().int().positive(),
      /** The course notebook (from the slides) this tutorial is the runnable version of. */
      notebook: z.string().regex(/^[\w.-]+\.ipynb$/, 'notebook is the file name of a Jupyter notebook'),
      objectives: z.array(z.string().min(10)).min(1),
      updated: z.coerce.date(),
    })
    .strict(),
});

export const collections = { lectures, parts, glossary, tutorials };
