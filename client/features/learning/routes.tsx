import type { RouteObject } from 'react-router';

/**
 * E-learning: catalogue, my learning, course page, lesson player, certificates (this folder), the
 * authoring pages (`authoring/`), registrations and mandatory trainings (`trainings/`,
 * `mandatory/`). Every page sits in the learning layout with its sub navigation.
 */
export const learningRoutes: RouteObject[] = [
  {
    path: 'learning',
    lazy: async () => ({ Component: (await import('./LearningLayout')).LearningLayout }),
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./pages/CataloguePage')).CataloguePage }),
      },
      {
        path: 'mine',
        lazy: async () => ({ Component: (await import('./pages/MyLearningPage')).MyLearningPage }),
      },
      {
        path: 'courses/:courseId',
        lazy: async () => ({ Component: (await import('./pages/CoursePage')).CoursePage }),
      },
      {
        path: 'courses/:courseId/lessons/:lessonId',
        lazy: async () => ({ Component: (await import('./pages/LessonPage')).LessonPage }),
      },
      {
        path: 'certificates/:code',
        lazy: async () => ({
          Component: (await import('./pages/CertificatePage')).CertificatePage,
        }),
      },
      {
        path: 'verify',
        lazy: async () => ({ Component: (await import('./pages/VerifyPage')).VerifyPage }),
      },
      // Authoring (C2).
      {
        path: 'manage',
        lazy: async () => ({
          Component: (await import('./authoring/pages/ManageCoursesPage')).ManageCoursesPage,
        }),
      },
      {
        path: 'manage/:courseId',
        lazy: async () => ({
          Component: (await import('./authoring/pages/CourseEditorPage')).CourseEditorPage,
        }),
      },
      {
        path: 'categories',
        lazy: async () => ({
          Component: (await import('./authoring/pages/CategoriesPage')).CategoriesPage,
        }),
      },
      // Registrations and mandatory trainings (C3).
      {
        path: 'registrations',
        lazy: async () => ({
          Component: (await import('./trainings/pages/RegistrationsInboxPage'))
            .RegistrationsInboxPage,
        }),
      },
      {
        path: 'mandatory',
        lazy: async () => ({
          Component: (await import('./mandatory/pages/AssignmentsPage')).AssignmentsPage,
        }),
      },
      {
        path: 'compliance',
        lazy: async () => ({
          Component: (await import('./mandatory/pages/CompliancePage')).CompliancePage,
        }),
      },
    ],
  },
];
